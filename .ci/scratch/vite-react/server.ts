// Embeds the auth server as the @orgauth/server README shows: typechecked, not run.
import { createOrgAuthServer, type OrgAuthServer, type RedirectUrlType, type ServerOptions } from '@orgauth/server';

const options: ServerOptions = { dataDir: './.orgauth', publicUrl: 'https://auth.example.com' };
const types: RedirectUrlType[] = ['discovery', 'login'];

export async function start(): Promise<OrgAuthServer> {
  const server = await createOrgAuthServer(options);
  await server.projects.addAuthorizedOrigin('https://app.example.com');
  await server.projects.addRedirectUrl('https://app.example.com/authenticate', types);
  const response: Response = await server.app.fetch(
    new Request('https://auth.example.com/sdk/v1/projects/bootstrap/x'),
  );
  console.log(response.status, server.project.public_token);
  return server;
}
