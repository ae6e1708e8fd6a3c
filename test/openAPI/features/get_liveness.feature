@method=GET @endpoint=/health/live
Feature: Liveness probe (getLiveness)
  Answers 200 while the event loop runs, never looking at MongoDB or RabbitMQ, so that an outage
  of a dependency does not make Kubernetes restart the pods.

  @smoke
  Scenario: The liveness probe answers 200 smoke type test
    Given the user wants to know whether the process is alive
    And the user is not authenticated
    When the user sends a GET request to "/health/live"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "status" should be "ok"

  @unit @negative
  Scenario: The liveness probe refuses DELETE with 405
    Given the user wants to delete the liveness probe
    When the user sends a DELETE request to "/health/live"
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
