package io.jtelegraf.outputs.influxdb.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and unencrypted private keys, the formats Telegraf's {@code tls_ca},
 * {@code tls_cert} and {@code tls_key} take. Errors are {@link IllegalArgumentException}s whose
 * message says what is wrong with which file.
 */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }, to wrap a PKCS#1 key into PKCS#8. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) {
        String text = read(file);
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher matcher = BLOCK.matcher(text);
            while (matcher.find()) {
                if (matcher.group(1).equals("CERTIFICATE")) {
                    byte[] der = decode(file, matcher.group(2));
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + ": contains no \"BEGIN CERTIFICATE\" block");
        }
        return certificates;
    }

    static PrivateKey privateKey(Path file) {
        Matcher matcher = BLOCK.matcher(read(file));
        while (matcher.find()) {
            String type = matcher.group(1);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(file, decode(file, matcher.group(2)));
                case "RSA PRIVATE KEY":
                    return pkcs8(file, wrapPkcs1(decode(file, matcher.group(2))));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException(file + ": encrypted keys are not supported;"
                            + " decrypt it with: openssl pkcs8 -topk8 -nocrypt -in <file>");
                case "EC PRIVATE KEY":
                    throw new IllegalArgumentException(file + ": SEC1 \"EC PRIVATE KEY\" is not supported;"
                            + " convert it with: openssl pkcs8 -topk8 -nocrypt -in <file>");
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(file + ": contains no \"BEGIN PRIVATE KEY\" or \"BEGIN RSA PRIVATE KEY\" block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                // The PKCS#8 header names the algorithm; trying each is simpler than parsing it.
            }
        }
        throw new IllegalArgumentException(file + ": not an RSA, EC or EdDSA private key");
    }

    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        writeLength(sequence, body.size());
        sequence.writeBytes(body.toByteArray());
        return sequence.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }

    private static byte[] decode(Path file, String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": PEM block is not valid base64", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
    }
}
