@method=GET @endpoint=/health/ready
Feature: Readiness probe (getReadiness)
  200 when MongoDB answers a ping and the RabbitMQ connection is open; 503 naming each failing
  dependency otherwise.

  @smoke
  Scenario: The readiness probe reports both dependencies up smoke type test
    Given the user wants to know whether the building block can serve traffic
    And the user is not authenticated
    When the user sends a GET request to "/health/ready"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "status" should be "ready"
    And the response field "checks.mongodb.status" should be "up"
    And the response field "checks.rabbitmq.status" should be "up"

  @unit @negative
  Scenario: The readiness probe refuses PUT with 405
    Given the user wants to overwrite the readiness state
    When the user sends a PUT request to "/health/ready"
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
