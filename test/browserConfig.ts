import { playwright } from '@vitest/browser-playwright';
import { auditServerAvailable, auditServerCount, auditServerFields, startAuditServer, stopAuditServer } from './auditServerCommands.ts';
import { downloadStartsWithin, startCorsMockServer, stopMockServer, waitForDownload } from './browserCommands.ts';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; Playwright cannot download browsers here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser config per project: sharing one `instances` array between projects throws. */
export function chromiumBrowser() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    // A desktop-sized frame: the default is a 414 px phone, narrower than the table.
    viewport: { width: 1280, height: 900 },
    provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
    instances: [{ browser: 'chromium' as const }],
    commands: {
      waitForDownload,
      downloadStartsWithin,
      startCorsMockServer,
      stopMockServer,
      auditServerAvailable,
      startAuditServer,
      auditServerCount,
      auditServerFields,
      stopAuditServer,
    },
  };
}
