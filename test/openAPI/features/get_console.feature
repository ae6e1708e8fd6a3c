@method=GET @endpoint=/console
Feature: Web console for procurement officers (getConsole)
  The console's page, served by the service itself from the same origin, without any CDN.

  @smoke
  Scenario: The console page is served as HTML under a strict content security policy smoke type test
    Given the user wants to open the web console
    And the user is not authenticated
    When the user sends a GET request to "/console"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "text/html" header
    And the response should match the json schema of the contract
    And the response body should contain "<!doctype html>"
    And the response body should not contain "cdn."
    And the response body should not contain "<script>"

  @unit @negative
  Scenario: The console page refuses DELETE with 405
    Given the user wants to delete the web console
    When the user sends a DELETE request to "/console"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
