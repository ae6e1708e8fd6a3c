@method=GET @endpoint=/api/v1/openapi.json
Feature: The contract as JSON (getOpenApiJson)
  The OpenAPI 3.1 document the service routes and validates with, as JSON.

  @smoke
  Scenario: The contract is served as an OpenAPI 3.1 JSON document smoke type test
    Given the user wants to download the API contract
    And the user is not authenticated
    When the user sends a GET request to "/api/v1/openapi.json"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "openapi" should be "3.1.0"
    And the response field "info.version" should exist
    And the response field "paths./api/v1/compliance-checks.post.operationId" should be "createComplianceCheck"
    And the response field "components.securitySchemes.bearerAuth.scheme" should be "bearer"

  @unit @negative
  Scenario: The JSON contract refuses PUT with 405
    Given the user wants to replace the contract
    When the user sends a PUT request to "/api/v1/openapi.json"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
