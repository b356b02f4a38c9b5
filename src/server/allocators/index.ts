export { DEFAULT_SERVICE_CIDR, formatIPv4, IPAllocationError, IPAllocator, parseIPv4 } from './ip-allocator.js';
export { DEFAULT_NODE_PORT_RANGE, PortAllocationError, PortAllocator } from './port-allocator.js';
export { RangeAllocator, staticBandSize } from './range-allocator.js';
export { ServiceAllocations } from './service-allocation.js';
