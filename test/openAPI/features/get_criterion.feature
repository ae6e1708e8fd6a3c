@method=GET @endpoint=/api/v1/criteria/{criterionId}
Feature: Get one criterion (getCriterion)
  One criterion with the identity of its set, its source and confidence, its rule and how it
  can be verified (accepted evidence, label presumption). Needs criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: The EU GPP battery endurance criterion is read by id smoke type test
    Given the user wants to read one criterion
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should have the header "ETag"
    And the response should match the json schema of the contract
    And the response field "id" should be "GPP21-TS6-core"
    And the response field "setId" should be "eu-gpp-computers-2021"
    And the response field "sourceCode" should be "TS6"
    And the response field "source.document" should exist
    And the response field "confidence" should exist
    And the response field "verification.acceptedEvidence" should exist
    And the response field "eforms.bt774" should exist

  @unit @positive
  Scenario: A conditional request for a criterion is answered 304 Not Modified
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should have status 200
    And the user remembers the response header "ETag" as "etag"
    Given the request has the header "If-None-Match" with the value "${etag}"
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should have status 304
    And the response should match the json schema of the contract

  @unit @positive
  Scenario: A criterion of a draft is read from the set named in the query
    Given a draft criterion set "draft" exists
    And the request has the query parameters:
      | set | ${draft.id} |
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "${draft.criteria.0.id}" as criterionId
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "setStatus" should be "draft"

  @unit @negative
  Scenario: An unknown criterion id is answered 404
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "NO-SUCH-${tag}" as criterionId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A criterion id that breaks the id pattern is refused with 400
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "bad id!" as criterionId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/criterionId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Reading a criterion without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Reading a criterion with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: PUT on a criterion is refused with 405
    When the user sends a PUT request to "/api/v1/criteria/{criterionId}" with "GPP21-TS6-core" as criterionId
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
