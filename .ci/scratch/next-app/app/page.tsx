// A server component: it imports <Login> straight from @orgauth/react/components, which works only
// because that entry is a client module ('use client').
import { Login } from '@orgauth/react/components';
import { Member } from './member';
import { Providers } from './providers';

export default function Home() {
  return (
    <main>
      <h1>OrgAuth on Next.js</h1>
      <Providers>
        <Member />
        <Login theme="light" />
      </Providers>
    </main>
  );
}
