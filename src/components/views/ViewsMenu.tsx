import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { MenuButton, type MenuEntry } from '../dialogs/Menu.js';
import { ViewDialogs } from './lazyViews.js';
import { copyViewLink } from './copyLink.js';

/**
 * The `button` "Views" and its `menu`: "My views" and "Tenant views" (the open one checked, the built-in view
 * first), then Save view, Save as new view, Copy link, Manage views.
 */
export function ViewsMenu() {
  const { messages } = useAuditLogsEnvironment();
  const { views, query } = useAuditLogsInstance();
  const entry = (view: (typeof views.list)[number]): MenuEntry => ({
    label: view.name,
    checked: views.current?.id === view.id,
    onSelect: () => views.open(view),
  });
  const mine = views.list.filter((v) => v.scope === 'personal');
  const tenant = views.list.filter((v) => v.scope === 'tenant');
  const preload = ViewDialogs.preload;
  return (
    <MenuButton
      label={messages.views}
      sections={[
        { entries: [{ label: messages.builtInView, checked: views.current === null, onSelect: () => views.open(null) }] },
        { label: messages.myViews, entries: mine.map(entry), empty: views.status === 'error' ? messages.viewsFailed : messages.noSavedViews },
        ...(views.home === 'browser' ? [] : [{ label: messages.tenantViews, entries: tenant.map(entry), empty: messages.noSavedViews }]),
        {
          entries: [
            { label: messages.saveView, onSelect: () => views.setDialog({ kind: 'save' }), onPreload: preload },
            { label: messages.saveAsNewView, onSelect: () => views.setDialog({ kind: 'saveAs' }), onPreload: preload },
            {
              label: messages.copyLink,
              onSelect: () =>
                void copyViewLink(views.current?.id ?? null, query).then((how) =>
                  views.announce(how === 'copied' ? messages.linkCopied : messages.linkCopyFailed),
                ),
            },
            { label: messages.manageViews, onSelect: () => views.setDialog({ kind: 'manage' }), onPreload: preload, disabled: views.list.length === 0 },
          ],
        },
      ]}
    />
  );
}
