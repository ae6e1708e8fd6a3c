@method=POST @endpoint=/api/v1/tender-profiles
Feature: Fix the criteria of a tender (createTenderProfile)
  A procurer picks published criterion sets, a product category and an ambition level, includes
  or excludes criteria, sets the buyer's parameter values and award weights; the profile is an
  immutable snapshot of the criteria. Needs assessments:write.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: A procurer fixes EU GPP core criteria for a notebook tender smoke type test
    Given the user wants to fix the sustainability criteria of a notebook tender
    And the request body is the test data "tender-profile"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 201
    And the response should have "content-type": "application/json" header
    And the response should have "Location": "/api/v1/tender-profiles/" header
    And the response should match the json schema of the contract
    And the response field "criteriaCount" should be greater than 10
    And the response field "criterionSets.0.id" should be "eu-gpp-computers-2021"
    And the response field "criterionSets.0.version" should exist
    And the response field "implicit" should be "false"
    And the response field "organisation" should be "admin"
    And every item of "criteria" should have "criterion.source.document"

  @unit @positive
  Scenario: The procurer excludes a criterion, sets a parameter and an award weight
    Given a published criterion set "published" exists
    And the request body is:
      """
      {
        "tenderRef": "HARNESS-${tag}",
        "criterionSetIds": ["${published.id}"],
        "category": "notebook",
        "level": "comprehensive",
        "parameters": { "${published.criteria.1.id}": { "topYears": 6 } },
        "awardWeights": { "${published.criteria.1.id}": 40 }
      }
      """
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "criteria" should have 2 items
    And the response field "criteria.1.parameters.topYears" should be "6"
    And the response field "criteria.1.maxPoints" should be "40"
    And the response field "criteria.1.mandatory" should be "false"
    And the response field "criteria.0.mandatory" should be "true"

  @unit @positive
  Scenario: Excluded criteria are left out of the snapshot
    Given the request body is the test data "tender-profile"
    And the request body field "exclude" is set to the JSON "[\"GPP21-TS1-core\"]"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "exclude" should contain "GPP21-TS1-core"

  @unit @negative
  Scenario: An unknown criterion set is refused with 400 naming it
    Given the request body is the test data "tender-profile"
    And the request body field "criterionSetIds" is set to the JSON "[\"eu-gpp-computers-2021\", \"no-such-set\"]"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/criterionSetIds/1"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A profile without a category is refused with 400
    Given the request body is the test data "tender-profile"
    And the request body field "category" is removed
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A draft set cannot be used in a tender profile
    Given a draft criterion set "draft" exists
    And the request body is:
      """
      { "criterionSetIds": ["${draft.id}"], "category": "notebook", "level": "core" }
      """
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/criterionSetIds/0"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Creating a tender profile without credentials is refused with 401
    Given the user is not authenticated
    And the request body is the test data "tender-profile"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Creating a tender profile with a token without assessments:write is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read criteria:read" of the organisation "harness-org"
    And the request body is the test data "tender-profile"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @positive @jwt
  Scenario: A profile belongs to the organisation of the token that created it
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "buyer-${tag}"
    And the request body is the test data "tender-profile"
    When the user sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "organisation" should be "buyer-${tag}"
