import { generateKeyPair, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

/** PEM material for one server start: a throwaway CA and a leaf it signed. */
export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

interface KeyPair {
  publicKey: forge.pki.rsa.PublicKey;
  privateKeyPem: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

// Node's native RSA key generation takes milliseconds where node-forge's pure
// JS generator takes seconds; forge is only used to build the X.509
// structures, which Node's crypto cannot do.
async function rsaKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKeyPem: privateKey,
  };
}

// Untyped in @types/node-forge, but public: forge's own cert.sign() uses it.
type TbsApi = {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
};

/**
 * The steps of forge's `cert.sign(key, sha256)`, with the RSA operation done
 * by Node: forge's big-integer arithmetic takes seconds per signature inside
 * Jest's module sandbox, which would make every test server start slow.
 */
function signCertificate(
  cert: forge.pki.Certificate,
  privateKeyPem: string,
): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  cert.tbsCertificate = (forge.pki as unknown as TbsApi).getTBSCertificate(
    cert,
  );
  const tbsDer = Buffer.from(
    forge.asn1.toDer(cert.tbsCertificate).getBytes(),
    'binary',
  );
  cert.signature = sign('sha256', tbsDer, privateKeyPem).toString('binary');
}

// X.509 serials must be positive and non-zero; clearing the top bit keeps the
// DER integer positive, and the leading 0x01 keeps it non-zero.
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate) {
  // Back-dated an hour so a client whose clock lags a little still accepts it.
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
}

/**
 * Generates a self-signed CA and a server certificate for 127.0.0.1 /
 * localhost / ::1. Go clients (kubectl) ignore the CN and verify the SAN IP,
 * and reject a CA without basicConstraints CA:true, so both are set.
 */
export async function generateTlsMaterial(
  hostNames: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1', '::1'],
): Promise<TlsMaterial> {
  const [caKeys, serverKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);

  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  validity(ca);
  const caSubject = [{ name: 'commonName', value: 'kube-api-test-server-ca' }];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(ca, caKeys.privateKeyPem);

  const cert = forge.pki.createCertificate();
  cert.publicKey = serverKeys.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert);
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...hostNames.map(value => ({ type: 2, value })), // dNSName
        ...ips.map(ip => ({ type: 7, ip })), // iPAddress
      ],
    },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  signCertificate(cert, caKeys.privateKeyPem);

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: serverKeys.privateKeyPem,
  };
}
