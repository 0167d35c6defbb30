import { X509Certificate, createPrivateKey } from 'node:crypto';
import { generateTlsMaterial } from './tls';

it('issues a CA and a server certificate for 127.0.0.1 that the CA verifies', async () => {
  const started = Date.now();
  const tls = await generateTlsMaterial();
  expect(Date.now() - started).toBeLessThan(3000);
  const ca = new X509Certificate(tls.caPem);
  const cert = new X509Certificate(tls.certPem);
  expect(ca.ca).toBe(true);
  expect(cert.ca).toBe(false);
  expect(cert.verify(ca.publicKey)).toBe(true);
  expect(ca.verify(ca.publicKey)).toBe(true);
  expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(cert.checkHost('localhost')).toBe('localhost');
  expect(cert.checkPrivateKey(createPrivateKey(tls.keyPem))).toBe(true);
});
