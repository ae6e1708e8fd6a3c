@method=GET @endpoint=/api/v1/criterion-sets/{setId}
Feature: Get a criterion set with its criteria and history (getCriterionSet)
  One set with every criterion (each with its source and confidence) and its change history;
  strong ETags allow conditional requests. Needs the scope criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: The EU GPP 2021 computer criteria are read by id smoke type test
    Given the user wants to read the EU GPP criteria for computers
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should have the header "ETag"
    And the response should match the json schema of the contract
    And the response field "id" should be "eu-gpp-computers-2021"
    And the response field "status" should be "published"
    And the response field "eforms.bt805" should be "eu"
    And every item of "criteria" should have "source.document"
    And every item of "criteria" should have "confidence"
    And every item of "criteria" should have "setId" equal to "eu-gpp-computers-2021"

  @unit @positive
  Scenario: A conditional request with the current ETag is answered 304 Not Modified
    Given the user wants to revalidate a cached criterion set
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should have status 200
    And the user remembers the response header "ETag" as "etag"
    Given the request has the header "If-None-Match" with the value "${etag}"
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should have status 304
    And the response should match the json schema of the contract

  @unit @positive
  Scenario: A draft is readable with its history
    Given a draft criterion set "draft" exists
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "status" should be "draft"
    And the response field "history.0.action" should be "created"

  @unit @negative
  Scenario: An unknown set id is answered 404
    Given the user wants to read a set that does not exist
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A set id that breaks the id pattern is refused with 400
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "Not_A_Set_Id" as setId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/setId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Reading a criterion set without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Reading a criterion set with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: PATCH on a criterion set is refused with 405 listing GET, PUT and DELETE
    When the user sends a PATCH request to "/api/v1/criterion-sets/{setId}" with "eu-gpp-computers-2021" as setId
    Then the response should have status 405
    And the response should have "Allow": "PUT" header
    And the response should have "Allow": "DELETE" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
