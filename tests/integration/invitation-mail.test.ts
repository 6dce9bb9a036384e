import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { createCampaign, createOrganisation, createQuestionnaire, submit, type CampaignInfo } from '../support/factories.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
  auth: string | null;
}

/** A tiny SMTP server on 127.0.0.1 that accepts everything and keeps the messages. */
function fakeSmtp(): Promise<{ server: Server; port: number; messages: Received[]; reject: Set<string> }> {
  const messages: Received[] = [];
  const reject = new Set<string>();
  const server = createServer((socket: Socket) => {
    socket.setTimeout(5000, () => socket.destroy());
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '', auth: null };
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(current);
            current = { from: '', to: [], data: '', auth: current.auth };
            socket.write('250 queued\r\n');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const [verb = ''] = line.split(' ');
        switch (verb.toUpperCase()) {
          case 'EHLO':
            socket.write('250-fake\r\n250 AUTH PLAIN\r\n');
            break;
          case 'AUTH':
            current.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
            socket.write('235 ok\r\n');
            break;
          case 'MAIL':
            current.from = line;
            socket.write('250 ok\r\n');
            break;
          case 'RCPT': {
            const to = /<([^>]+)>/.exec(line)?.[1] ?? '';
            if (reject.has(to)) socket.write('550 no such user\r\n');
            else {
              current.to.push(to);
              socket.write('250 ok\r\n');
            }
            break;
          }
          case 'DATA':
            inData = true;
            socket.write('354 go\r\n');
            break;
          case 'QUIT':
            socket.end('221 bye\r\n');
            break;
          default:
            socket.write('500 ?\r\n');
        }
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, messages, reject })));
}

let t: TestApp;
let bob: Persona;
let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
let campaign: CampaignInfo;
let orgId: string;
let questionId: string;

beforeAll(async () => {
  smtp = await fakeSmtp();
  t = await createTestApp({ smtpUrl: `smtp://socle:s%C3%A9cret@127.0.0.1:${smtp.port}`, mailFrom: 'collecte@asso.test' });
  bob = await signUp(t.app, 'Bob');
  orgId = (await createOrganisation(bob, 'Association Équinoxe')).id;
  const q = await createQuestionnaire(bob, orgId, [{ type: 'scale', labelFr: 'Votre moral' }], 'Baromètre bénévoles');
  questionId = q.questions[0]!.id;
  campaign = await createCampaign(bob, orgId, q.id);
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => smtp?.server.close(resolve));
});

describe('invitations by e-mail (SMTP configured)', () => {
  it('e-mails each address its own link and records when', async () => {
    smtp.reject.add('absent@exemple.org');
    const res = await bob.post(`/api/organisations/${orgId}/campaigns/${campaign.id}/invitations`, { addresses: 'anne@exemple.org\nbruno@exemple.org\nabsent@exemple.org' });
    expect(res.statusCode, res.body).toBe(201);
    const body = json<{ delivery: string; created: { email: string; link: string; sentAt: string | null }[]; failed: string[] }>(res);
    expect(body.delivery).toBe('email');
    expect(body.failed).toEqual(['absent@exemple.org']);
    expect(smtp.messages).toHaveLength(2);
    for (const inv of body.created) {
      const mail = smtp.messages.find((m) => m.to.includes(inv.email));
      if (inv.email === 'absent@exemple.org') {
        expect(mail).toBeUndefined();
        expect(inv.sentAt).toBeNull();
        continue;
      }
      expect(inv.sentAt).not.toBeNull();
      expect(mail!.data).toContain(inv.link);
      expect(mail!.data).toContain('Subject: =?UTF-8?B?');
      expect(mail!.from).toContain('<collecte@asso.test>');
      expect(mail!.auth).toBe('\0socle\0sécret');
    }
  });

  it('reminds by e-mail only those who have not answered', async () => {
    const list = json<{ email: string; link: string }[]>(await bob.get(`/api/organisations/${orgId}/campaigns/${campaign.id}/invitations`));
    const anne = list.find((i) => i.email === 'anne@exemple.org')!;
    const token = new URL(anne.link).searchParams.get('t')!;
    expect((await bob.request('POST', `/api/public/campaigns/${campaign.slug}/responses`, { clientId: crypto.randomUUID(), answers: { [questionId]: 4 }, invitationToken: token })).statusCode).toBe(201);
    expect((await submit(bob, campaign.slug, { [questionId]: 2 })).statusCode).toBe(201);
    smtp.messages.length = 0;
    smtp.reject.clear();
    const res = await bob.post(`/api/organisations/${orgId}/campaigns/${campaign.id}/invitations/remind`);
    expect(res.statusCode, res.body).toBe(200);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(['absent@exemple.org', 'bruno@exemple.org']);
    expect(smtp.messages[0]!.data).toContain('Petit rappel');
    const after = json<{ email: string; remindedAt: string | null }[]>(await bob.get(`/api/organisations/${orgId}/campaigns/${campaign.id}/invitations`));
    expect(after.find((i) => i.email === 'anne@exemple.org')!.remindedAt).toBeNull();
    expect(after.find((i) => i.email === 'bruno@exemple.org')!.remindedAt).not.toBeNull();
  });
});
