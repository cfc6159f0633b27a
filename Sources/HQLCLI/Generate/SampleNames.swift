/// Word lists for generated customers. Common given names, surnames, places and street names.
enum SampleNames {
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
        "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
        "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
        "José", "María", "Zoë", "Renée", "Chloé", "Siobhan", "Nguyen", "Aisha", "Mateo", "Priya",
    ]

    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "O'Brien", "O'Neil", "Müller", "D'Angelo", "Van der Berg", "St. James", "Patel", "Kim", "Chen", "Singh",
    ]

    static let cities = [
        "Springfield", "Franklin", "Greenville", "Bristol", "Clinton", "Fairview", "Salem", "Madison",
        "Georgetown", "Arlington", "Ashland", "Dover", "Oxford", "Jackson", "Burlington", "Manchester",
        "Milton", "Newport", "Auburn", "Dayton", "Lexington", "Milford", "Riverside", "Winchester",
    ]

    static let streetNames = [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset",
        "Highland", "Church", "Mill", "River", "Spring", "Ridge", "Walnut", "Chestnut", "Lincoln",
    ]

    static let streetSuffixes = ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Pl"]

    static let emailDomains = ["example.com", "mail.example.org", "example.net", "corp.example.com"]
}
