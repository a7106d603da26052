// GraphQL queries of c/addToCampaign, kept static (variables only) as lightning/graphql expects.
import { gql } from 'lightning/graphql';

export const CAMPAIGN_QUERY = gql`
  query campaignToLaunch($campaignId: ID) {
    uiapi {
      query {
        Sales_Campaign__c(where: { Id: { eq: $campaignId } }) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
              Skip_Weekends__c {
                value
              }
              Skip_Holidays__c {
                value
              }
              Time_Zone_Mode__c {
                value
              }
              Default_Send_Time__c {
                value
              }
              Task_Expiry_Days__c {
                value
              }
              On_Task_Expiry__c {
                value
              }
            }
          }
        }
        Campaign_Step__c(
          where: { Campaign__c: { eq: $campaignId } }
          orderBy: { Day__c: { order: ASC }, Order__c: { order: ASC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Day__c {
                value
              }
              Order__c {
                value
              }
              Type__c {
                value
              }
              Send_Option__c {
                value
              }
              Send_Time__c {
                value
              }
              Subject__c {
                value
              }
              Body__c {
                value
              }
              Instructions__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export const CONTACTS_QUERY = gql`
  query contactsToAdd($personIds: [ID], $keys: [String]) {
    uiapi {
      query {
        Contact(where: { Id: { in: $personIds } }, first: 200) {
          edges {
            node {
              Id
              Name {
                value
              }
              FirstName {
                value
              }
              LastName {
                value
              }
              Title {
                value
              }
              Email {
                value
              }
              HasOptedOutOfEmail {
                value
              }
              Account {
                Name {
                  value
                }
              }
            }
          }
        }
        Campaign_Enrollment__c(where: { Unique_Key__c: { in: $keys } }, first: 200) {
          edges {
            node {
              Id
              Unique_Key__c {
                value
              }
              Status__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export const LEADS_QUERY = gql`
  query leadsToAdd($personIds: [ID], $keys: [String]) {
    uiapi {
      query {
        Lead(where: { Id: { in: $personIds } }, first: 200) {
          edges {
            node {
              Id
              Name {
                value
              }
              FirstName {
                value
              }
              LastName {
                value
              }
              Title {
                value
              }
              Email {
                value
              }
              Company {
                value
              }
              HasOptedOutOfEmail {
                value
              }
            }
          }
        }
        Campaign_Enrollment__c(where: { Unique_Key__c: { in: $keys } }, first: 200) {
          edges {
            node {
              Id
              Unique_Key__c {
                value
              }
              Status__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
