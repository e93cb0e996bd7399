package dev.outage.alerting.notify.internal;

import dev.outage.alerting.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An SSL socket factory built from Alertmanager's {@code tls_config}: trusted CAs, client
 * certificate, server name (checked with HTTPS endpoint identification and sent as SNI),
 * {@code insecure_skip_verify} and protocol versions. Not part of the API.
 */
public final class TlsSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final String serverName;
    private final boolean verify;
    private final String[] protocols;

    private TlsSocketFactory(SSLSocketFactory delegate, String serverName, boolean verify, String[] protocols) {
        this.delegate = delegate;
        this.serverName = serverName;
        this.verify = verify;
        this.protocols = protocols;
    }

    /**
     * Returns a factory for the settings; the server name defaults to the host.
     *
     * @throws IOException when a CA, certificate or key file cannot be read or parsed
     */
    public static TlsSocketFactory create(TlsConfig tls, String host) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers(tls), new SecureRandom());
            String name = tls.serverName().isEmpty() ? host : tls.serverName();
            return new TlsSocketFactory(context.getSocketFactory(), name, !tls.insecureSkipVerify(), protocols(tls));
        } catch (GeneralSecurityException e) {
            throw new IOException("setting up TLS from tls_config: " + e.getMessage(), e);
        }
    }

    private static javax.net.ssl.KeyManager[] keyManagers(TlsConfig tls) throws IOException, GeneralSecurityException {
        if (tls.certFile().isEmpty() && tls.keyFile().isEmpty()) {
            return null;
        }
        if (tls.certFile().isEmpty() || tls.keyFile().isEmpty()) {
            throw new IOException("tls_config needs both cert_file and key_file for a client certificate");
        }
        List<Certificate> chain = new ArrayList<>(certificates(tls.certFile()));
        PrivateKey key = privateKey(Path.of(tls.keyFile()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, new char[0], chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        return factory.getKeyManagers();
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException("key_file " + file + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.replaceAll("(?s).*-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----.*", "")
                .replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException("key_file " + file + " holds no RSA, EC or Ed25519 key");
    }

    private static TrustManager[] trustManagers(TlsConfig tls) throws IOException, GeneralSecurityException {
        if (tls.insecureSkipVerify()) {
            return new TrustManager[] {new TrustingManager()};
        }
        if (tls.caFile().isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates(tls.caFile())) {
            store.setCertificateEntry("ca" + i++, certificate);
        }
        if (i == 0) {
            throw new IOException("ca_file " + tls.caFile() + " holds no certificate");
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static Collection<? extends Certificate> certificates(String file)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static String[] protocols(TlsConfig tls) throws IOException {
        List<String> all = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        int min = tls.minVersion().isEmpty() ? 2 : index(tls.minVersion(), "min_version");
        int max = tls.maxVersion().isEmpty() ? 3 : index(tls.maxVersion(), "max_version");
        if (min > max) {
            throw new IOException(
                    "tls_config min_version " + tls.minVersion() + " is above max_version " + tls.maxVersion());
        }
        return all.subList(min, max + 1).toArray(String[]::new);
    }

    private static int index(String version, String field) throws IOException {
        return switch (version) {
            case "TLS10" -> 0;
            case "TLS11" -> 1;
            case "TLS12" -> 2;
            case "TLS13" -> 3;
            default -> throw new IOException("tls_config " + field + " " + version + " is not TLS10..TLS13");
        };
    }

    private Socket configure(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters parameters = ssl.getSSLParameters();
            if (verify) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (!serverName.isEmpty() && !isIpLiteral(serverName)) {
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
            }
            parameters.setProtocols(protocols);
            ssl.setSSLParameters(parameters);
        }
        return socket;
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.matches("[0-9.]+");
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, serverName, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    /** Accepts every certificate: {@code insecure_skip_verify: true}. */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
