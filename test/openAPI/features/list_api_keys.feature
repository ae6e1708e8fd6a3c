@method=GET @endpoint=/api/v1/admin/api-keys
Feature: List API keys, never their secrets (listApiKeys)
  Administrators see the keys of machine clients (name, organisation, scopes, dates), filtered
  by organisation. Needs admin.

  Background:
    Given the user is authenticated with the administrator API key
    And an API key "client" exists with the scopes "criteria:read" for the organisation "org-${tag}"

  @smoke
  Scenario: An administrator lists the API keys of an organisation smoke type test
    Given the user wants to review which machine clients have access
    And the request has the query parameters:
      | organisation | org-${tag} |
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "items" should have 1 item
    And the response field "items.0.id" should be "${client.id}"
    And the response field "items.0.scopes" should contain "criteria:read"
    And the response field "items.0.key" should not exist
    And the response body should not contain "${client.key}"

  @unit @positive
  Scenario: Revoked keys are listed only on request
    Given the API key "client" has been revoked
    And the request has the query parameters:
      | organisation | org-${tag} |
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should have status 200
    And the response field "items" should have 0 items
    Given the request has the query parameters:
      | organisation   | org-${tag} |
      | includeRevoked | true       |
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "items.0.revokedAt" should exist

  @unit @negative
  Scenario: A non-boolean includeRevoked is refused with 400
    Given the request has the query parameters:
      | includeRevoked | sometimes |
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/includeRevoked"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Listing API keys without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A client key without the admin scope cannot list keys and gets 403
    Given the user is authenticated with the API key "client"
    When the user sends a GET request to "/api/v1/admin/api-keys"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
