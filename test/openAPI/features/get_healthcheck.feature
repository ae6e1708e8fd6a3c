@method=GET @endpoint=/healthcheck
Feature: GovStack test-harness health check (getHealthcheck)
  The endpoint the GovStack harness polls before it runs a suite. It answers while the process
  runs, without credentials.

  @smoke
  Scenario: The health check answers 200 with the status smoke type test
    Given the user wants to know whether the building block is running
    And the user is not authenticated
    When the user sends a GET request to "/healthcheck"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "status" should be "ok"

  @unit @positive
  Scenario: The health check echoes the caller's correlation id and accepts the Information-Mediator-Client header
    Given the user wants to trace a call through the Information Mediator
    And the request has the header "X-Correlation-ID" with the value "harness-${tag}"
    And the request has the header "Information-Mediator-Client" with the value "eGovStack/GOV/90000009/procurement"
    When the user sends a GET request to "/healthcheck"
    Then the response should have status 200
    And the response should have "X-Correlation-ID": "harness-${tag}" header
    And the response should have the header "X-Request-ID"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: The health check refuses another method with 405 and the allowed methods
    Given the user wants to change the health check
    When the user sends a POST request to "/healthcheck"
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
