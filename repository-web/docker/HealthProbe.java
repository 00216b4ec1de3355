/*
 * The container's health probe: GET the URL given, exit 0 on 200 and 1 on anything else (the
 * node answers 503 when a check is down, or nothing when it is not up). The Payara Micro image
 * is sure to carry a JDK, not curl or wget, so Docker runs this file with the source launcher:
 * java /opt/payara/HealthProbe.java http://localhost:8080/health/ready
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class HealthProbe {
    public static void main(String[] args) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(args[0]))
                    .timeout(Duration.ofSeconds(8))
                    .GET()
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
