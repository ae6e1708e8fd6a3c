@method=GET @endpoint=/api/v1/openapi.yaml
Feature: The contract as YAML (getOpenApiYaml)
  The OpenAPI 3.1 document byte for byte as kept in the repository.

  @smoke
  Scenario: The contract is served as YAML smoke type test
    Given the user wants to download the API contract as YAML
    And the user is not authenticated
    When the user sends a GET request to "/api/v1/openapi.yaml"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/yaml" header
    And the response should match the json schema of the contract
    And the response body should contain "openapi: 3.1.0"
    And the response body should contain "operationId: createComplianceCheck"

  @unit @negative
  Scenario: The YAML contract refuses POST with 405
    Given the user wants to upload a contract
    When the user sends a POST request to "/api/v1/openapi.yaml"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
