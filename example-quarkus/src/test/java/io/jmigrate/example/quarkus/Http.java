package io.jmigrate.example.quarkus;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP requests to the running application. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Http() {}

  static String get(URL base, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  static String post(URL base, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private static String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
