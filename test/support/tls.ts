/**
 * Throwaway certificates for TLS tests, made with the `openssl` CLI into a temp directory: a CA,
 * a server certificate it signed for 127.0.0.1/localhost, and one it signed for a name the tests
 * never connect to (to provoke a host name mismatch). EC P-256 keys: generated in milliseconds.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** PEM of the CA that signed both server certificates. */
  ca: string;
  /** Valid for IP 127.0.0.1 and DNS localhost. */
  loopback: KeyPair;
  /** Valid only for argocd.wrong.example. */
  wrongName: KeyPair;
  /** Removes the temp directory. */
  cleanup(): Promise<void>;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export async function createTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'gitops-promote-tls-'));
  const path = (name: string): string => join(dir, name);
  await run('openssl', [
    'req', '-x509', ...EC, '-keyout', path('ca.key'), '-out', path('ca.pem'), '-days', '2',
    '-subj', '/CN=gitops-promote test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const leaf = async (name: string, altNames: string): Promise<KeyPair> => {
    await run('openssl', ['req', ...EC, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`), '-subj', `/CN=${name}`]);
    await writeFile(
      path(`${name}.ext`),
      `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
    );
    await run('openssl', [
      'x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.pem'), '-CAkey', path('ca.key'),
      '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-extfile', path(`${name}.ext`), '-out', path(`${name}.pem`),
    ]);
    return { key: await readFile(path(`${name}.key`), 'utf8'), cert: await readFile(path(`${name}.pem`), 'utf8') };
  };
  return {
    ca: await readFile(path('ca.pem'), 'utf8'),
    loopback: await leaf('loopback', 'IP:127.0.0.1,DNS:localhost'),
    wrongName: await leaf('wrong-name', 'DNS:argocd.wrong.example'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
