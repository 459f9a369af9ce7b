/// The JSON of a request taken through submit → label → in transit → receive → inspect →
/// refund by ``ReturnsHarness`` (seed 42, one shirt), encoded with sorted keys and pretty
/// printing before requests kept their fields behind shared storage. Every field is
/// present, so it pins the name and nesting of each one.
enum ReturnRequestJSONFixture {
    static let lifecycleRequest = #"""
        {
          "approvedAt" : 789296400,
          "createdAt" : 789296400,
          "createdBy" : {
            "id" : "00000000-0000-000c-0000-000000000001",
            "kind" : "customer"
          },
          "customer" : "00000000-0000-000c-0000-000000000001",
          "history" : [
            {
              "actor" : {
                "id" : "00000000-0000-000c-0000-000000000001",
                "kind" : "customer"
              },
              "at" : 789296400,
              "from" : "draft",
              "to" : "submitted"
            },
            {
              "actor" : {
                "id" : "00000000-0000-0000-0000-000000000001",
                "kind" : "system"
              },
              "at" : 789296400,
              "from" : "submitted",
              "to" : "approved"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000c-0000-000000000001",
                "kind" : "customer"
              },
              "at" : 789296400,
              "from" : "approved",
              "to" : "labelIssued"
            },
            {
              "actor" : {
                "id" : "00000000-0000-0000-0000-000000000001",
                "kind" : "system"
              },
              "at" : 789296400,
              "from" : "labelIssued",
              "to" : "inTransit"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000002",
                "kind" : "staff"
              },
              "at" : 789469200,
              "from" : "inTransit",
              "to" : "received"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000002",
                "kind" : "staff"
              },
              "at" : 789469200,
              "from" : "received",
              "to" : "inspected"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000003",
                "kind" : "staff"
              },
              "at" : 789472800,
              "from" : "inspected",
              "to" : "resolved"
            }
          ],
          "id" : "019b8d62-7a80-7f52-981c-e1ff0e4ae395",
          "inspectedAt" : 789469200,
          "isInstantExchange" : false,
          "itemHistory" : [
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000002",
                "kind" : "staff"
              },
              "at" : 789469200,
              "from" : "awaiting",
              "item" : "019b8d62-7a80-7f52-981c-e1ff0e4ae394",
              "machine" : "itemReception",
              "to" : "received"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000002",
                "kind" : "staff"
              },
              "at" : 789469200,
              "from" : "pending",
              "item" : "019b8d62-7a80-7f52-981c-e1ff0e4ae394",
              "machine" : "itemAcceptance",
              "to" : "accepted"
            },
            {
              "actor" : {
                "id" : "00000000-0000-000d-0000-000000000002",
                "kind" : "staff"
              },
              "at" : 789469200,
              "from" : "pending",
              "item" : "019b8d62-7a80-7f52-981c-e1ff0e4ae394",
              "machine" : "disposition",
              "to" : "restocked",
              "unit" : 0
            }
          ],
          "items" : [
            {
              "acceptance" : "accepted",
              "dispositions" : [
                "restocked"
              ],
              "evidence" : [

              ],
              "failedConditions" : [

              ],
              "id" : "019b8d62-7a80-7f52-981c-e1ff0e4ae394",
              "line" : "00000000-0000-0011-0000-000000000001",
              "lineIndex" : 0,
              "quantity" : 1,
              "reason" : "too-small",
              "receivedQuantity" : 1,
              "reception" : "received"
            }
          ],
          "label" : {
            "carrier" : "in-memory",
            "expiresAt" : 791715600,
            "issuedAt" : 789296400,
            "labelReference" : "label-TRK100000001",
            "returnCode" : "QR-R-FCJ3N-MZVW8",
            "trackingNumber" : "TRK100000001"
          },
          "labelExpiresAt" : 791715600,
          "order" : "00000000-0000-000d-0000-000000000001",
          "orderPeriod" : 202601,
          "outcome" : {
            "amountDue" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "refunded" : {
              "currency" : "TRY",
              "minorUnits" : 10563
            },
            "replacementValue" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "resolution" : "refundToOriginalPayment"
          },
          "overdueReported" : false,
          "policyFingerprint" : "ebf2d0b46e8fe22c",
          "policyVersion" : 1,
          "quote" : {
            "amountPaid" : {
              "currency" : "TRY",
              "minorUnits" : 26860
            },
            "currency" : "TRY",
            "previouslyRefunded" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "returnShippingFee" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "total" : {
              "currency" : "TRY",
              "minorUnits" : 10563
            },
            "units" : [
              {
                "conditionDeduction" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "line" : "00000000-0000-0011-0000-000000000001",
                "lineDiscount" : {
                  "currency" : "TRY",
                  "minorUnits" : 500
                },
                "orderDiscount" : {
                  "currency" : "TRY",
                  "minorUnits" : 647
                },
                "price" : {
                  "currency" : "TRY",
                  "minorUnits" : 10000
                },
                "restockingFee" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "shipping" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "tax" : {
                  "currency" : "TRY",
                  "minorUnits" : 1710
                },
                "total" : {
                  "currency" : "TRY",
                  "minorUnits" : 10563
                },
                "unit" : 0
              }
            ]
          },
          "receivedAt" : 789469200,
          "refund" : "019b8d62-7a80-7f52-981c-b3ba481fadd1",
          "refundDueAt" : 790074000,
          "resolution" : "refundToOriginalPayment",
          "resolvedAt" : 789472800,
          "reviewReasons" : [

          ],
          "rmaNumber" : "R-FCJ3N-MZVW8",
          "settlement" : {
            "amountPaid" : {
              "currency" : "TRY",
              "minorUnits" : 26860
            },
            "currency" : "TRY",
            "previouslyRefunded" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "returnShippingFee" : {
              "currency" : "TRY",
              "minorUnits" : 0
            },
            "total" : {
              "currency" : "TRY",
              "minorUnits" : 10563
            },
            "units" : [
              {
                "conditionDeduction" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "line" : "00000000-0000-0011-0000-000000000001",
                "lineDiscount" : {
                  "currency" : "TRY",
                  "minorUnits" : 500
                },
                "orderDiscount" : {
                  "currency" : "TRY",
                  "minorUnits" : 647
                },
                "price" : {
                  "currency" : "TRY",
                  "minorUnits" : 10000
                },
                "restockingFee" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "shipping" : {
                  "currency" : "TRY",
                  "minorUnits" : 0
                },
                "tax" : {
                  "currency" : "TRY",
                  "minorUnits" : 1710
                },
                "total" : {
                  "currency" : "TRY",
                  "minorUnits" : 10563
                },
                "unit" : 0
              }
            ]
          },
          "state" : "resolved",
          "submittedAt" : 789296400
        }
        """#
}
