@method=GET @endpoint=/metrics
Feature: Prometheus metrics (getMetrics)
  Process metrics, the HTTP request-duration histogram by route template and status, and the
  outbox and event metrics, in the Prometheus text format.

  @smoke
  Scenario: The metrics are exposed in the Prometheus text format smoke type test
    Given the user wants to scrape the metrics
    And the user is not authenticated
    When the user sends a GET request to "/metrics"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "text/plain" header
    And the response should match the json schema of the contract
    And the response body should contain "http_request_duration_seconds"
    And the response body should contain "# TYPE"

  @unit @positive
  Scenario: The metrics report the outbox of events
    Given the user wants to watch the event outbox
    When the user sends a GET request to "/metrics"
    Then the response should have status 200
    And the response body should contain "outbox_"

  @unit @negative
  Scenario: The metrics refuse POST with 405
    Given the user wants to push metrics
    When the user sends a POST request to "/metrics"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
