import XCTest
@testable import HQLPlanner
