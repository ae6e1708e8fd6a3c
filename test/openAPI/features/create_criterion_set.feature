@method=POST @endpoint=/api/v1/criterion-sets
Feature: Create a draft criterion set (createCriterionSet)
  A curator adds a set in draft status; the body has the shape of the JSON export. The set is
  checked against the contract and semantically (property paths, value types, parameters).
  Needs the scope criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: A curator creates a draft criterion set smoke type test
    Given the user wants to add a criterion set to the catalogue
    And the request body is the test data "criterion-set"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 201
    And the response should have "content-type": "application/json" header
    And the response should have "Location": "/api/v1/criterion-sets/harness-set-${tag}" header
    And the response should have the header "ETag"
    And the response should match the json schema of the contract
    And the response field "status" should be "draft"
    And the response field "criteriaCount" should be "2"
    And the response field "criteria.0.source.document" should be "GovStack harness test document"
    And the response field "criteria.0.confidence" should be "verified"

  @unit @positive
  Scenario: The change is recorded in the set's history with the actor and a UTC time
    Given the user wants to know who created the set
    And the request body is the test data "criterion-set"
    And the request has the header "X-Actor" with the value "curator-${tag}"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "history.0.action" should be "created"
    And the response field "history.0.actor" should contain "api-key:bootstrap"
    And the response field "history.0.at" should contain "Z"

  @unit @negative
  Scenario: A set without a title is refused with 400 naming the field
    Given the request body is the test data "criterion-set"
    And the request body field "title" is removed
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/title"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A rule reading a property that offers cannot declare is refused with 400
    Given the request body is the test data "criterion-set"
    And the request body field "criteria.0.rule.property" is set to the string "battery.cycles"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/criteria/0/rule/property"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: An unknown theme is refused with 400
    Given the request body is the test data "criterion-set"
    And the request body field "criteria.0.theme" is set to the string "greenwashing"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A set id that already exists is refused with 409
    Given a draft criterion set "existing" exists
    And the request body is the remembered "existingDefinition"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 409
    And the response should be a problem "CRITERION_SET_EXISTS"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A body that is not JSON is refused with 415
    Given the request body is the raw text "title=Laptops" with the content type "text/plain"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 415
    And the response should be a problem "UNSUPPORTED_MEDIA_TYPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Malformed JSON is refused with 400
    Given the request body is the raw text "{\"id\": \"broken" with the content type "application/json"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 400
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Creating a criterion set without credentials is refused with 401
    Given the user is not authenticated
    And the request body is the test data "criterion-set"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A reader without criteria:admin cannot create a set and gets 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    And the request body is the test data "criterion-set"
    When the user sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
