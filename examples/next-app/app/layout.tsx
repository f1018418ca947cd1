import type { ReactNode } from 'react';
import 'react-audit-logs/styles.css';

export const metadata = { title: 'Audit logs' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif' }}>{children}</body>
    </html>
  );
}
