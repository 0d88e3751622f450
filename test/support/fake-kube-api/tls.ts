/**
 * A throw-away certificate authority and a server certificate it signed, made with the `openssl`
 * command line tool. Each fake API server gets its own CA, so a client that trusts one server's
 * CA must reject every other server: that is how the tests produce "certificate not trusted".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM texts: the CA certificate clients should trust, and the server's certificate and key. */
export interface TlsMaterial {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/** The `openssl` binary used; override with the `OPENSSL` environment variable. */
function opensslPath(): string {
  return process.env.OPENSSL ?? 'openssl';
}

/**
 * Generates a fresh CA and a server certificate for `127.0.0.1` and `localhost`, valid for two
 * days. P-256 keys keep generation to a few milliseconds.
 */
export async function generateTlsMaterial(caName = 'fake-kube-ca'): Promise<TlsMaterial> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-kube-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (args: string[]): Promise<unknown> => run(opensslPath(), args, { cwd: dir });
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await openssl([
      'req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2',
      '-subj', `/CN=${caName}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    await openssl(['req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=kube-apiserver']);
    // Go's TLS stack (kubectl) insists on a subjectAltName and on serverAuth usage.
    await writeFile(
      file('server.ext'),
      [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '',
      ].join('\n'),
    );
    await openssl([
      'x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
      '-set_serial', `0x${randomSerial()}`, '-days', '2', '-extfile', file('server.ext'), '-out', file('server.crt'),
    ]);
    const [caCert, serverCert, serverKey] = await Promise.all(
      ['ca.crt', 'server.crt', 'server.key'].map((name) => readFile(file(name), 'utf8')),
    );
    return { caCert, serverCert, serverKey };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A positive 64-bit serial in hex (the top bit clear, as RFC 5280 wants). */
function randomSerial(): string {
  const hex = Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `1${hex.slice(1)}`;
}
