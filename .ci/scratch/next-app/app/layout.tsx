import type { ReactNode } from 'react';

// An inline icon: the browser's favicon request would otherwise be a 404 in the console.
export const metadata = { title: 'OrgAuth on Next.js', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
