@method=GET @endpoint=/api/v1/criterion-sets/{setId}/export
Feature: Export a set as JSON, CSV or an OCDS fragment (exportCriterionSet)
  JSON is the set definition (it can be posted back as a draft), CSV one row per criterion, OCDS
  a fragment for the OCDS sustainability extension. Needs criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: A set is exported as its JSON definition smoke type test
    Given the user wants to download a criterion set
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should have "Content-Disposition": "eu-gpp-computers-2021" header
    And the response should match the json schema of the contract
    And the response should match the "CriterionSetDefinition" json schema
    And the response field "id" should be "eu-gpp-computers-2021"

  @unit @positive
  Scenario: The JSON export can be posted back as a new draft
    Given a published criterion set "published" exists
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "${published.id}" as setId
    Then the response should have status 200
    And the user remembers the response field "." as "exported"
    Given the request body is the remembered "exported"
    And the request body field "id" is set to the string "reimported-${tag}"
    And the request body field "criteria.0.id" is set to the string "R-${tag}-BATTERY"
    And the request body field "criteria.1.id" is set to the string "R-${tag}-WARRANTY"
    When the user then sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 201
    And the response field "criteriaCount" should be "2"

  @unit @positive
  Scenario Outline: A set is exported as <format>
    Given the request has the query parameters:
      | format | <format> |
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should have status 200
    And the response should have "content-type": "<media type>" header
    And the response should match the json schema of the contract
    And the response body should contain "<marker>"

    Examples:
      | format | media type       | marker                                |
      | csv    | text/csv         | setId,id,sourceCode,title             |
      | ocds   | application/json | ocds_sustainability_extension         |

  @unit @positive
  Scenario: The OCDS fragment carries sustainability goals and strategies
    Given the request has the query parameters:
      | format | ocds |
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should have status 200
    And the response should match the "OcdsSustainabilityFragment" json schema
    And the response field "tender.hasSustainability" should be "true"
    And the response field "tender.sustainability.0.goal" should be "environmental.circularEconomy"
    And the response field "tender.sustainability.0.strategies" should contain "euGPPCriteria"
    And the response field "tender.sustainability.0.strategies" should contain "technicalSpecifications"

  @unit @negative
  Scenario: An unknown export format is refused with 400
    Given the request has the query parameters:
      | format | pdf |
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/format"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Exporting a set that does not exist is answered 404
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Exporting without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Exporting with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/export" with "eu-gpp-computers-2021" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
