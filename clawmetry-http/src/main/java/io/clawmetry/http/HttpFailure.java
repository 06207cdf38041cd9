package io.clawmetry.http;

/** A request that cannot be answered normally: becomes {@code {"error": message}} with {@code status}. */
final class HttpFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpFailure(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpFailure badRequest(String message) {
    return new HttpFailure(400, message);
  }

  static HttpFailure notFound(String message) {
    return new HttpFailure(404, message);
  }
}
