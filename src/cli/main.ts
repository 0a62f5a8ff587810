#!/usr/bin/env node
console.log("sufficiency: work in progress");
