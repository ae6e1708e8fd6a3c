@method=POST @endpoint=/api/v1/criterion-sets/{setId}/versions
Feature: Start a new version of a set (createCriterionSetVersion)
  Copies a set into a new draft that supersedes it; publishing the new version retires the
  original, which keeps pointing to its successor. Needs criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key
    And a published criterion set "published" exists

  @smoke
  Scenario: A curator starts a new version of a published set smoke type test
    Given the user wants to revise a published criterion set
    And the request body is:
      """
      { "id": "harness-set-${tag}-v2", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 201
    And the response should have "Location": "/api/v1/criterion-sets/harness-set-${tag}-v2" header
    And the response should match the json schema of the contract
    And the response field "status" should be "draft"
    And the response field "version" should be "2027-01"
    And the response field "supersedes" should contain "${published.id}"

  @unit @positive
  Scenario: Publishing the new version retires the version it supersedes
    Given the request body is:
      """
      { "id": "harness-set-${tag}-v2", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should have status 201
    When the user then sends a POST request to "/api/v1/criterion-sets/harness-set-${tag}-v2/publish"
    Then the response should have status 200
    And the response field "status" should be "published"
    When the user then sends a GET request to "/api/v1/criterion-sets/${published.id}"
    Then the response should have status 200
    And the response field "status" should be "retired"
    And the response field "supersededBy" should be "harness-set-${tag}-v2"

  @unit @negative
  Scenario: A version request without a version is refused with 400
    Given the request body is:
      """
      { "id": "harness-set-${tag}-v2" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/version"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A new version may not reuse an existing set id and gets 409
    Given the request body is:
      """
      { "id": "eu-gpp-computers-2021", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A new version of a set that does not exist is answered 404
    Given the request body is:
      """
      { "id": "harness-set-${tag}-v2", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Starting a version without credentials is refused with 401
    Given the user is not authenticated
    And the request body is:
      """
      { "id": "harness-set-${tag}-v2", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Starting a version with a token without criteria:admin is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    And the request body is:
      """
      { "id": "harness-set-${tag}-v2", "version": "2027-01" }
      """
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/versions" with "${published.id}" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
