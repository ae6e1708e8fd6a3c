@method=POST @endpoint=/api/v1/admin/api-keys/{keyId}/rotate
Feature: Rotate an API key's secret (rotateApiKey)
  Issues a new secret for the same key id, name, organisation and scopes; the old secret stops
  working. The new key is shown once. Needs admin.

  Background:
    Given the user is authenticated with the administrator API key
    And an API key "client" exists with the scopes "criteria:read" for the organisation "org-${tag}"

  @smoke
  Scenario: An administrator rotates an API key smoke type test
    Given the user wants to rotate a machine client's secret
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "${client.id}" as keyId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "id" should be "${client.id}"
    And the response field "rotatedAt" should exist
    And the response field "key" should not be "${client.key}"

  @unit @positive
  Scenario: After rotation the old secret is refused and the new one works
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "${client.id}" as keyId
    Then the response should have status 200
    And the user remembers the response field "key" as "newSecret"
    Given the user is authenticated with the API key "client"
    When the user then sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 401
    Given the user is authenticated with the API key secret "${newSecret}"
    When the user then sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 200

  @unit @negative
  Scenario: A revoked key cannot be rotated and gets 409
    Given the API key "client" has been revoked
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "${client.id}" as keyId
    Then the response should have status 409
    And the response should be a problem "API_KEY_REVOKED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Rotating an unknown key is answered 404
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "NoSuchKey123" as keyId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Rotating without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "${client.id}" as keyId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A client cannot rotate keys and gets 403
    Given the user is authenticated with the API key "client"
    When the user sends a POST request to "/api/v1/admin/api-keys/{keyId}/rotate" with "${client.id}" as keyId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
