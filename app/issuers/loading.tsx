import { LoadingTable } from "@/components/ui/loading-table";

export default function Loading() {
  return <LoadingTable title="Issuers" />;
}
