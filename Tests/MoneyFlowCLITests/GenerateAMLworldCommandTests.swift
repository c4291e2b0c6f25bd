import Foundation
import Testing

/// `moneyflow generate --family amlworld`.
@Suite struct GenerateAMLworldCommandTests {
  @Test func writesAnAMLworldFileTheReadersRecognise() throws {
    let directory = try CLI.temporaryDirectory()
    let made = try CLI.run(["generate", "--family", "amlworld", "--nodes", "200", "--edges", "300", "--patterns", "8", "--seed", "2", "-o", "aml.csv"], in: directory)
    #expect(made.status == 0 && made.stderr.hasPrefix("planted 8 laundering attempts, ") && made.stderr.contains("1 cycle ("))
    let stats = try CLI.run(["stats", "aml.csv", "--format", "json"], in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    let rows = made.stderr.split(separator: " ").dropFirst(4).first.flatMap { Int($0) }
    #expect(stats.status == 0 && object["labelled_flows"] as? Int == rows && object["currency"] as? String == "USD")
    #expect(try CLI.run(["generate", "--family", "random", "--nodes", "10", "--edges", "5", "--patterns", "3"]).status == 2)
    #expect(try CLI.run(["generate", "--family", "amlworld", "--nodes", "3", "--edges", "5"]).status == 2)
  }
}
