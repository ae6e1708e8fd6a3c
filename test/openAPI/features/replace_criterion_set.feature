@method=PUT @endpoint=/api/v1/criterion-sets/{setId}
Feature: Replace a draft criterion set (replaceCriterionSet)
  Only drafts can be edited; published and retired sets are immutable (409). If-Match protects
  against overwriting someone else's edit (412). Needs the scope criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key
    And a draft criterion set "draft" exists

  @smoke
  Scenario: A curator replaces a draft smoke type test
    Given the user wants to correct the title of a draft
    And the request body is the remembered "draftDefinition"
    And the request body field "title" is set to the string "Corrected harness criteria"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "title" should be "Corrected harness criteria"
    And the response field "revision" should be "2"
    And the response field "history.1.action" should be "replaced"

  @unit @positive
  Scenario: A replacement with the current ETag in If-Match succeeds
    Given the user wants to edit with optimistic concurrency
    When the user then sends a GET request to "/api/v1/criterion-sets/${draft.id}"
    Then the response should have status 200
    And the user remembers the response header "ETag" as "etag"
    Given the request has the header "If-Match" with the value "${etag}"
    And the request body is the remembered "draftDefinition"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 200
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A replacement with an outdated ETag is refused with 412
    Given the request has the header "If-Match" with the value "\"outdated-etag\""
    And the request body is the remembered "draftDefinition"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 412
    And the response should be a problem "PRECONDITION_FAILED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A published set cannot be replaced and gets 409
    Given a published criterion set "published" exists
    And the request body is the remembered "publishedDefinition"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${published.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A body whose id differs from the URL is refused with 400
    Given the request body is the remembered "draftDefinition"
    And the request body field "id" is set to the string "another-set-${tag}"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/id"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Replacing a set that does not exist is answered 404
    Given the request body is the remembered "draftDefinition"
    And the request body field "id" is set to the string "missing-set-${tag}"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "missing-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Replacing a criterion set without credentials is refused with 401
    Given the user is not authenticated
    And the request body is the remembered "draftDefinition"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Replacing a criterion set with a token without criteria:admin is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    And the request body is the remembered "draftDefinition"
    When the user sends a PUT request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
