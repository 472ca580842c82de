import { createServer, type Server, type Socket } from 'node:net';

/** A mail as an SMTP client delivered it. */
export interface SunkMail {
  /** The envelope sender (`MAIL FROM`). */
  mailFrom: string;
  /** The message as sent after `DATA` (headers and body), dot-unstuffed. */
  data: string;
}

/** A listening SMTP sink. */
export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` for `ServerOptions.smtpUrl`. */
  url: string;
  mails: SunkMail[];
  close(): Promise<void>;
}

/**
 * The smallest SMTP server that lets nodemailer deliver to it (EHLO, MAIL, RCPT, DATA, QUIT; no TLS,
 * no auth), so a test can read the message the server really sends. Hand-written: a test-only
 * server of a dozen replies; an SMTP server library would be a dependency for this alone.
 */
export function startSmtpSink(): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    let mailFrom = '';
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          mails.push({ mailFrom, data: buffer.slice(0, end).replace(/^\.\./gm, '.') });
          buffer = buffer.slice(end + 5);
          inData = false;
          reply('250 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') {
          mailFrom = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 ok');
        } else if (verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 not implemented');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      const close = () =>
        new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => done());
        });
      resolve({ url: `smtp://127.0.0.1:${port}`, mails, close });
    });
  });
}
