@method=POST @endpoint=/api/v1/admin/api-keys
Feature: Create an API key for a machine client (createApiKey)
  The key is shown once and never again; only a hash of its secret is stored. It carries an
  organisation and the fewest scopes the client needs. Needs admin.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: An administrator creates an API key smoke type test
    Given the user wants to let a machine client read the catalogue
    And the request body is:
      """
      { "name": "catalogue-reader-${tag}", "organisation": "org-${tag}", "scopes": ["criteria:read"] }
      """
    When the user sends a POST request to "/api/v1/admin/api-keys"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 201
    And the response should have "content-type": "application/json" header
    And the response should have "Location": "/api/v1/admin/api-keys/" header
    And the response should match the json schema of the contract
    And the response field "key" should contain "psbb_"
    And the response field "organisation" should be "org-${tag}"
    And the response field "createdBy" should be "api-key:bootstrap"

  @unit @positive
  Scenario: The new key works within its scopes and is refused outside them
    Given the request body is:
      """
      { "name": "catalogue-reader-${tag}", "organisation": "org-${tag}", "scopes": ["criteria:read"] }
      """
    When the user sends a POST request to "/api/v1/admin/api-keys"
    Then the response should have status 201
    And the user remembers the response field "key" as "secret"
    Given the user is authenticated with the API key secret "${secret}"
    When the user then sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 200
    When the user then sends a GET request to "/api/v1/assessments"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"

  @unit @negative
  Scenario: An unknown scope is refused with 400
    Given the request body is:
      """
      { "name": "too-powerful-${tag}", "organisation": "org-${tag}", "scopes": ["root"] }
      """
    When the user sends a POST request to "/api/v1/admin/api-keys"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/scopes/0"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Creating an API key without credentials is refused with 401
    Given the user is not authenticated
    And the request body is:
      """
      { "name": "anonymous-${tag}", "organisation": "org-${tag}", "scopes": ["criteria:read"] }
      """
    When the user sends a POST request to "/api/v1/admin/api-keys"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A non-administrator cannot create API keys and gets 403
    Given the user is authenticated with a JWT with the scopes "criteria:admin assessments:write" of the organisation "org-${tag}"
    And the request body is:
      """
      { "name": "escalation-${tag}", "organisation": "org-${tag}", "scopes": ["admin"] }
      """
    When the user sends a POST request to "/api/v1/admin/api-keys"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
