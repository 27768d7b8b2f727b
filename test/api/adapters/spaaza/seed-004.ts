/** Seed 004 (`../shared/seeds/spaaza-get-user.txt`): Spaaza's get-user sample answer, verbatim. */
export const SEED_GET_USER = {
  "result": {
    "code": 1,
    "status": "ok"
  },
  "results": {
    "user_info": {
      "address_housenumber": "46",
      "address_housenumber_extension": "B",
      "address_latitude": null,
      "address_line_2": "Apartment #416",
      "address_line_3": null,
      "address_longitude": null,
      "address_postalcode": "1015CB",
      "address_regionstate": "Any State",
      "address_streetname": "Any Street",
      "address_towncity": "Amsterdam",
      "authentication_point": null,
      "authentication_point_identifier": "99911166488945",
      "auxiliary_identifier": null,
      "average_basket_value": "0.00",
      "birthday": "1981-07-21",
      "business_group": null,
      "country_code": "NL",
      "created_date": "2024-01-31 15:15:43",
      "days_since_last_purchase": null,
      "entity_code": {
        "code": "3935159",
        "type": "regular"
      },
      "favorite_store": null,
      "first_name": "Josephine",
      "frequency": 1,
      "gender": "M",
      "id": 3935159,
      "is_employee": false,
      "is_influencer": false,
      "language": null,
      "last_modified_date": "2024-01-31 15:21:05",
      "last_name": "Bloggs",
      "loyalty_status": {
        "date_reached": null,
        "last_review_date": "2024-01-31T15:15:43+00:00",
        "loyalty_level_id": null,
        "monetary_balance_current": 0,
        "next_review_date": null,
        "points_balance_current": 5,
        "points_to_proceed_next_level": null,
        "points_to_remain_current_level": null
      },
      "mailing_list": {
        "mailing_list_sub_offered": false,
        "mailing_list_subscribed": true,
        "printed_mailing_list_subscribed": true
      },
      "member_number": "3935159",
      "monetary": 3,
      "number_of_purchases": 0,
      "obfuscated": false,
      "offline_shopper": false,
      "online_shopper": false,
      "opt_in_programme": {
        "join_date": "2024-01-31T15:15:43+00:00",
        "programme_opted_in": true
      },
      "opt_in_secondary": false,
      "overall": 3,
      "phone_number": "+31655222555",
      "points_wallet_total": 5,
      "push_notification_subscription": {
        "subscribed": false,
        "subscriptions": []
      },
      "recency": 5,
      "referral_channel": null,
      "referral_code": "gzo85d",
      "referred": true,
      "referring_user": {
        "authentication_point_identifier": null,
        "campaign_id": 2539,
        "id": 3930871,
        "referral_channel": null,
        "referral_code": "4t38p9"
      },
      "registered": true,
      "signup_channel": null,
      "signup_store": {
        "signup_store_id": 1383,
        "signup_store_name": "MOCO Museum store"
      },
      "stores": "",
      "total_cashback_balance": 0,
      "user_id": 3935159,
      "username": "somedude0.11073246009398896@spaaza.com"
    },
    "result_type": "get-user"
  }
};
