@method=GET @endpoint=/api/v1/admin/outbox
Feature: Outbox depth and the oldest pending event (getOutboxStatus)
  Events written together with their state change but not yet confirmed by the broker, this
  replica's relay queue, the broker state and the last sweep. Needs admin.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: An administrator reads the outbox status smoke type test
    Given the user wants to know whether events reach RabbitMQ
    When the user sends a GET request to "/api/v1/admin/outbox"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "broker.up" should be "true"
    And the response field "byCollection.assessments" should exist

  @unit @negative
  Scenario: Reading the outbox without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/admin/outbox"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A non-administrator token is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:admin assessments:write assessments:read criteria:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/admin/outbox"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: DELETE on the outbox is refused with 405
    When the user sends a DELETE request to "/api/v1/admin/outbox"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
