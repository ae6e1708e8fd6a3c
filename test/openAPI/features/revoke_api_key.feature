@method=DELETE @endpoint=/api/v1/admin/api-keys/{keyId}
Feature: Revoke an API key (revokeApiKey)
  The key stops working at once on this replica (within the key cache time on others); the
  record stays, for the audit trail. Needs admin.

  Background:
    Given the user is authenticated with the administrator API key
    And an API key "client" exists with the scopes "criteria:read" for the organisation "org-${tag}"

  @smoke
  Scenario: An administrator revokes an API key smoke type test
    Given the user wants to cut off a machine client
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "${client.id}" as keyId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 204
    And the response should match the json schema of the contract

  @unit @positive
  Scenario: A revoked key is refused with 401
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "${client.id}" as keyId
    Then the response should have status 204
    Given the user is authenticated with the API key "client"
    When the user then sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"

  @unit @negative
  Scenario: Revoking an unknown key is answered 404
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "NoSuchKey123" as keyId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A key id that breaks the id pattern is refused with 400
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "short" as keyId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/keyId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Revoking without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "${client.id}" as keyId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A client cannot revoke keys, not even its own, and gets 403
    Given the user is authenticated with the API key "client"
    When the user sends a DELETE request to "/api/v1/admin/api-keys/{keyId}" with "${client.id}" as keyId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
