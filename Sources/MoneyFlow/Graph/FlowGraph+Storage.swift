extension FlowGraph {
  /// The bytes the graph's arrays hold, without allocator slack or spare
  /// capacity: the flow arrays and adjacency, the company ids (a string
  /// header each, plus their bytes where longer than 15), the sparse
  /// details and the attribute columns. For memory accounting and
  /// benchmarks; the resident size of a process also counts what the
  /// allocator keeps.
  ///
  /// - Complexity: O(*V*) for the company ids.
  public var storageByteCount: Int {
    func size<T>(_ array: [T]) -> Int { array.count * MemoryLayout<T>.stride }
    var bytes = size(payerIndex) + size(payeeIndex) + size(kindCode) + size(amountSignificand) + size(amountExponent)
    bytes += size(currencyIndex) + size(dayNumber) + size(dateForm) + size(dateClock) + size(dateFraction)
    bytes += size(outStart) + size(outFlows) + size(inStart) + size(inFlows) + size(documentOrder)
    bytes += companyIDs.reduce(size(companyIDs)) { $0 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
    bytes += details.count * (MemoryLayout<Int32>.stride + MemoryLayout<FlowDetails>.stride)
    return bytes + attributeTable.byteCount
  }
}
