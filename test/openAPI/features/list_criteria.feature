@method=GET @endpoint=/api/v1/criteria
Feature: Look up criteria (listCriteria)
  The catalogue answers questions such as "what should I require of notebook suppliers at core
  ambition?". Filters combine with AND, repeated values with OR; results are paginated in a
  stable order and every criterion names its source and how far it was verified. Needs
  criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: Core criteria for notebooks are looked up smoke type test
    Given the user wants to know what to require of notebook suppliers at core ambition
    And the request has the query parameters:
      | category | notebook |
      | level    | core     |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should have the header "ETag"
    And the response should match the json schema of the contract
    And the response field "total" should be greater than 10
    And every item of "items" should have "level" equal to "core"
    And every item of "items" should have "appliesTo.categories" containing "notebook"
    And every item of "items" should have "setStatus" equal to "published"
    And every item of "items" should have "source.document"
    And every item of "items" should have "confidence"

  @unit @positive
  Scenario: Repeated values of one filter combine with OR and filters with AND
    Given the request has the query parameters:
      | set   | eu-gpp-computers-2021 |
      | type  | TS                    |
      | type  | AC                    |
      | theme | battery               |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And every item of "items" should have "setId" equal to "eu-gpp-computers-2021"
    And every item of "items" should have "theme" equal to "battery"

  @unit @positive
  Scenario: The source's own code finds a criterion at every level
    Given the request has the query parameters:
      | sourceCode | TS6                   |
      | set        | eu-gpp-computers-2021 |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And every item of "items" should have "sourceCode" equal to "TS6"
    And the response field "items" should have at least 2 items

  @unit @positive
  Scenario: Criteria that are not verified are found by confidence and explain why
    Given the request has the query parameters:
      | confidence | unverified |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And every item of "items" should have "confidence" equal to "unverified"
    And every item of "items" should have "notes"

  @unit @positive
  Scenario: Results are paginated with links that keep the filters
    Given the request has the query parameters:
      | category | notebook |
      | pageSize | 5        |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "items" should have 5 items
    And the response field "page" should be "1"
    And the response field "links.next" should contain "page=2"
    And the response field "links.next" should contain "category=notebook"

  @unit @positive
  Scenario: Free text matches every word in the title or summary
    Given the request has the query parameters:
      | q | spare parts |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "total" should be greater than 0

  @unit @negative
  Scenario: An unknown category is refused with 400 and the allowed values
    Given the request has the query parameters:
      | category | laptop |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/category/0"
    And the problem should list the allowed value "notebook"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A page size above 200 is refused with 400
    Given the request has the query parameters:
      | pageSize | 201 |
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/pageSize"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Looking up criteria without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Looking up criteria with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: An expired token is refused with 401
    Given the user is authenticated with an expired JWT
    When the user sends a GET request to "/api/v1/criteria"
    Then the response should have status 401
    And the response should have "WWW-Authenticate": "invalid_token" header
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: DELETE on the criteria collection is refused with 405
    When the user sends a DELETE request to "/api/v1/criteria"
    Then the response should have status 405
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
