import Testing
@testable import MoneyFlow

@Suite struct FlowDateTests {
  @Test(arguments: ["2025", "2025-05", "2025-05-13", "2024-02-29", "0001-01-01", "9999-12-31"])
  func parsesAndWritesBack(text: String) throws {
    let date = try #require(FlowDate(parsing: text))
    #expect(date.description == text)
  }

  @Test(arguments: ["2025-13-01", "2025-02-30", "2023-02-29", "2025-5", "25", "2025-00", "2025/05/01", "", "２０２５", "2025-05-13T", "2025-05-13 00"])
  func rejectsInvalid(text: String) {
    #expect(FlowDate(parsing: text) == nil)
  }

  @Test func partialDateCountsAsFirstDay() throws {
    let year = try #require(FlowDate(parsing: "2025"))
    let month = try #require(FlowDate(parsing: "2025-01"))
    let day = try #require(FlowDate(parsing: "2025-01-01"))
    #expect(year.day == month.day && month.day == day.day)
    #expect(year < month && month < day)
    #expect(FlowDate(parsing: "1970-01-01")?.day == 0)
    #expect(FlowDate(parsing: "2000-03-01")?.day == 11_017)
  }

  @Test func everyDayRoundTrips() {
    for day in stride(from: -719_162, through: 2_932_896, by: 1) where day % 97 == 0 || (-5 ... 5).contains(day) {
      let date = FlowDate(day: Int32(day), precision: .day)
      #expect(FlowDate(parsing: date.description)?.day == Int32(day))
    }
  }
}
