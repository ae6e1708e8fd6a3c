@method=GET @endpoint=/docs
Feature: Human-readable API documentation (getDocs)
  Swagger UI for the contract, served by the service itself without any CDN.

  @smoke
  Scenario: The documentation page is served as HTML smoke type test
    Given the user wants to read the API documentation
    And the user is not authenticated
    When the user sends a GET request to "/docs"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "text/html" header
    And the response should match the json schema of the contract
    And the response body should contain "<!doctype html>"
    And the response body should contain "swagger-ui"
    And the response body should not contain "cdn."

  @unit @negative
  Scenario: The documentation page refuses DELETE with 405
    Given the user wants to delete the documentation
    When the user sends a DELETE request to "/docs"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
