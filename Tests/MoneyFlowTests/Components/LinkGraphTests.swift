import Testing
@testable import MoneyFlow

@Suite struct LinkGraphTests {
  @Test func parallelFlowsFormOneLinkWithTheirTotal() throws {
    let graph = ElementaryCyclesTests.microsoftOpenAI()
    let links = LinkGraph(graph: graph, selection: try FlowSelection(graph: graph, filter: FlowFilter()))
    let microsoft = try #require(graph.companyID(for: "microsoft"))
    let openai = try #require(graph.companyID(for: "openai"))
    #expect(links.linkCount == 2 && links.flowCount == 3)
    let back = try #require(links.link(from: openai, to: microsoft))
    #expect(links.payer(ofLink: back) == openai && links.payee(ofLink: back) == microsoft)
    #expect(Array(links.flows(ofLink: back)) == [2, 1])  // by date: 2023, then 2025-10
    #expect(links.total(ofLink: back) == 250e9)  // the undisclosed share adds nothing
    #expect(links.total(ofLink: try #require(links.link(from: microsoft, to: openai))) == 13e9)
    #expect(links.link(from: microsoft, to: microsoft) == nil)
    #expect(links.links(from: openai) == back ..< back + 1)
    #expect(links.baseCurrency == "USD")
    let shape = LinkGraph(graph: graph)
    #expect(shape.linkCount == 2 && shape.total(ofLink: 0) == nil)
    let onlyInvestments = LinkGraph(graph: graph, kinds: FlowKindSet([.investment]))
    #expect(onlyInvestments.linkCount == 1)
  }

  @Test func emptyGraphHasNothing() throws {
    let graph = FlowGraphBuilder().build()
    #expect(try graph.elementaryCycles(CycleSearchOptions(threads: 2)).count == 0)
    #expect(try graph.elementaryCycles(CycleSearchOptions(maxLength: 3)).count == 0)
    #expect(try graph.temporalCycles().count == 0)
    #expect(graph.stronglyConnectedComponents().count == 0)
    #expect(CyclicFlows(graph: graph).count == 0)
    var builder = FlowGraphBuilder()
    builder.addCompany(Company(id: "alone"))
    let lonely = builder.build()
    #expect(try lonely.elementaryCycles().count == 0)
    #expect(lonely.stronglyConnectedComponents().cyclicComponents.isEmpty)
  }
}

@Suite struct ExposureAccumulatorTests {
  @Test(arguments: [0, 1, 13e9, 0.5, 1.25e18, 3e25, 7.7e32, 1e40, -5, Double.infinity])
  func fixedPointMatchesTheGenericConversion(amount: Double) {
    let clamped = min(max(amount, 0), ExposureAccumulator.limit)
    #expect(ExposureAccumulator.fixedPoint(amount) == Int128((clamped * ExposureAccumulator.scale).rounded()))
  }
}
