import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

@testable import DynamoDBEmulation

/// The HTTP subscription protocol: a POST to a loopback listener, as SNS delivers to HTTP endpoints.
final class HTTPSubscriptionTests: XCTestCase {
    /// Accepts one connection on 127.0.0.1, reads the request, answers `status`, and hands the request text back.
    private final class OneShotServer: @unchecked Sendable {
        let port: UInt16
        private let descriptor: Int32
        private let done = DispatchSemaphore(value: 0)
        private var request = ""

        init(status: String) throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            descriptor = listener
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                    guard bind(listener, pointer, length) == 0, listen(listener, 1) == 0 else { return -1 }
                    return getsockname(listener, pointer, &length)
                }
            }
            guard bound == 0 else { throw DynamoDBError(.internalServerError, "cannot listen") }
            port = UInt16(bigEndian: address.sin_port)
            Thread { [self] in
                let client = accept(descriptor, nil, nil)
                var buffer = [UInt8](repeating: 0, count: 65_536)
                var received: [UInt8] = []
                // Read until the body announced by Content-Length has arrived.
                while true {
                    let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { break }
                    received += buffer[..<count]
                    let text = String(decoding: received, as: UTF8.self)
                    if let headerEnd = text.range(of: "\r\n\r\n"),
                       let lengthLine = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Content-Length: ") }),
                       let bodyLength = Int(lengthLine.dropFirst(16)),
                       text.utf8.count - text[..<headerEnd.upperBound].utf8.count >= bodyLength { break }
                }
                request = String(decoding: received, as: UTF8.self)
                let answer = Array("HTTP/1.1 \(status)\r\nContent-Length: 0\r\n\r\n".utf8)
                _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
                close(client)
                done.signal()
            }.start()
        }

        func receivedRequest() -> String {
            _ = done.wait(timeout: .now() + 5)
            close(descriptor)
            return request
        }
    }

    func testPublishPostsTheNotification() throws {
        let server = try OneShotServer(status: "200 OK")
        let store = try Fixtures.store()
        try store.createTopic("hooks")
        try store.subscribe(topic: "hooks", endpoint: .http("http://127.0.0.1:\(server.port)/sns"))
        let id = try store.publish(topic: "hooks", message: "payload")
        let request = server.receivedRequest()
        XCTAssertTrue(request.hasPrefix("POST /sns HTTP/1.1\r\n"), request)
        XCTAssertTrue(request.contains("x-amz-sns-message-type: Notification"))
        XCTAssertTrue(request.contains(#""MessageId":"\#(id)""#))
        XCTAssertTrue(request.contains(#""Message":"payload""#))
        XCTAssertTrue(store.deliveryFailures.isEmpty, "\(store.deliveryFailures)")
    }

    func testErrorStatusIsADeliveryFailureNotAPublishFailure() throws {
        let server = try OneShotServer(status: "500 Internal Server Error")
        let store = try Fixtures.store()
        try store.createTopic("hooks")
        try store.subscribe(topic: "hooks", endpoint: .http("http://localhost:\(server.port)/"))
        XCTAssertNoThrow(try store.publish(topic: "hooks", message: "payload"))
        _ = server.receivedRequest()
        XCTAssertEqual(store.deliveryFailures.count, 1)
        XCTAssertTrue(store.deliveryFailures.first?.contains("500") ?? false)
    }
}
