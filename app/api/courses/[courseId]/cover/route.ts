import { expireCatalogueFromRoute } from "@/lib/courses/expire-catalogue";
import { setCourseCover } from "@/lib/courses/course-covers";
import { handleImageUpload } from "@/lib/images/image-upload-request";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ courseId: string }> };

const COURSE_ID = /^[a-z0-9]{1,64}$/;

/** A seller uploads their course's cover: the body is a JPEG, PNG or WebP picture (lib/images). */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { courseId } = await params;
  return handleImageUpload(request, async (seller, bytes) => {
    if (!COURSE_ID.test(courseId)) return { ok: false, status: 404, message: "That course does not exist or is not yours." };
    const result = await setCourseCover(seller.id, courseId, bytes, fileStorage());
    if (result.ok) expireCatalogueFromRoute();
    return result;
  });
}
