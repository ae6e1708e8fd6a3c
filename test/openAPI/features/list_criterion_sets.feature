@method=GET @endpoint=/api/v1/criterion-sets
Feature: List criterion sets (listCriterionSets)
  Every set of the catalogue with its metadata (publisher, version, categories, CPV codes, eForms
  BT-805) and lifecycle status. Needs the scope criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: The seeded catalogue lists its criterion sets smoke type test
    Given the user wants to see which criterion sets the catalogue holds
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "items" should have at least 9 items
    And every item of "items" should have "publisher"
    And every item of "items" should have "eforms.bt805"
    And every item of "items" should have "links.criteria"

  @unit @positive
  Scenario: Filtering by status and category lists only matching sets
    Given the user wants to see the published sets for servers
    And the request has the query parameters:
      | status   | published |
      | category | server    |
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And every item of "items" should have "status" equal to "published"
    And every item of "items" should have "productCategories" containing "server"

  @unit @positive
  Scenario: A newly created draft is listed with the status draft
    Given a draft criterion set "draft" exists
    And the request has the query parameters:
      | status | draft |
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And every item of "items" should have "status" equal to "draft"

  @unit @negative
  Scenario: An unknown status is refused with 400 naming the parameter and the allowed values
    Given the user wants to filter by a status that does not exist
    And the request has the query parameters:
      | status | archived |
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/status/0"
    And the problem should list the allowed value "published"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Listing criterion sets without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 401
    And the response should have "WWW-Authenticate": "Bearer" header
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Listing criterion sets with an unknown API key is refused with 401
    Given the user is authenticated with an unknown API key
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Listing criterion sets with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @positive @jwt
  Scenario: A token with criteria:read lists the criterion sets
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criterion-sets"
    Then the response should have status 200
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: PATCH on the criterion-set collection is refused with 405
    Given the user wants to patch the whole catalogue
    When the user sends a PATCH request to "/api/v1/criterion-sets"
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
