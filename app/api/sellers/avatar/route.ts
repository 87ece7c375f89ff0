import { expireCatalogueFromRoute } from "@/lib/courses/expire-catalogue";
import { handleImageUpload } from "@/lib/images/image-upload-request";
import { setSellerAvatar } from "@/lib/sellers/seller-profiles";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

/** A seller uploads the picture on their public page: the body is a JPEG, PNG or WebP picture. */
export async function POST(request: Request): Promise<Response> {
  return handleImageUpload(request, async (seller, bytes) => {
    const result = await setSellerAvatar(seller.id, bytes, fileStorage());
    if (result.ok) expireCatalogueFromRoute();
    return result;
  });
}
